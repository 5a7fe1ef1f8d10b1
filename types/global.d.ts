/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro at build time. */
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony' | 'rn'
    /** WeChat Cloud environment id for the weapp transport; empty means the account's default env. */
    TARO_APP_CLOUD_ENV?: string
    /**
     * The subscribe-message template the `rating` function sends with (its RATING_REPORT_TEMPLATE_ID):
     * the speaker is asked to accept it on the lecture page. Empty: nothing is asked.
     */
    TARO_APP_RATING_REPORT_TEMPLATE_ID?: string
    /**
     * The subscribe-message templates of the `wish` function, comma-separated: the poster's (approved,
     * rejected, claimed, fulfilled) and the claimer's (confirmed, about to be released). Empty: nothing is asked.
     */
    TARO_APP_WISH_POSTER_TEMPLATE_IDS?: string
    TARO_APP_WISH_CLAIMER_TEMPLATE_IDS?: string
    /**
     * The subscribe-message templates of the `commitment` function's reminders, comma-separated in this
     * order: make commitments (the 1st), progress (the 15th), results (three days before the month ends).
     * Empty: nothing is asked.
     */
    TARO_APP_COMMITMENT_TEMPLATE_IDS?: string
  }
}
