import {
  PHONE_MESSAGE,
  PHONE_PATTERN,
  WISH_ADDRESS_MAX,
  WISH_COST_MAX,
  WISH_DESCRIPTION_MAX,
  WISH_NAME_MAX,
  WISH_NEIGHBOURHOOD_MAX,
  WISH_PHOTOS_MAX,
  WISH_TITLE_MAX,
  type WishCategory,
} from '@contracts/rules'
import type { InputOf, WishContract } from '@contracts'

/** A photo on the form: its storage fileID (what is sent) and a picture to show meanwhile. */
export interface WishFormPhoto {
  fileID: string
  preview: string
}

/** What the post form holds, as typed: kept whole when a submit fails. */
export interface WishFormValues {
  title: string
  description: string
  category: WishCategory | ''
  cost: string
  phone: string
  address: string
  neighbourhood: string
  /** 代录 only: the resident the wish is for. */
  beneficiaryName: string
  photos: WishFormPhoto[]
}

export type WishFormField = 'title' | 'description' | 'category' | 'cost' | 'phone' | 'address' | 'neighbourhood' | 'beneficiaryName' | 'photos'
export type WishFormErrors = Partial<Record<WishFormField, string>>

export type WishPostInput = InputOf<WishContract['post']>

export const EMPTY_WISH_FORM: WishFormValues = {
  title: '',
  description: '',
  category: '',
  cost: '',
  phone: '',
  address: '',
  neighbourhood: '',
  beneficiaryName: '',
  photos: [],
}

/**
 * The post form's own check, with the limits of the wish contract's zod-free part, so what the form
 * says matches what the function refuses. `onBehalf`: a member or the secretary records (代录) the wish
 * of a resident, who must be named.
 */
export function checkWishForm(v: WishFormValues, onBehalf: boolean): { ok: true; value: WishPostInput } | { ok: false; errors: WishFormErrors } {
  const errors: WishFormErrors = {}
  const title = v.title.trim()
  const description = v.description.trim()
  const phone = v.phone.replace(/[\s-]/g, '')
  const address = v.address.trim()
  const neighbourhood = v.neighbourhood.trim()
  const name = v.beneficiaryName.trim()
  const costText = v.cost.trim()
  const cost = Number(costText)

  if (onBehalf && !name) errors.beneficiaryName = '请填写心愿人姓名'
  else if (name.length > WISH_NAME_MAX) errors.beneficiaryName = `姓名不超过 ${WISH_NAME_MAX} 个字`
  if (!title) errors.title = '请用一句话写下心愿，例如“想要一个新书包”'
  else if (title.length > WISH_TITLE_MAX) errors.title = `标题不超过 ${WISH_TITLE_MAX} 个字`
  if (!description) errors.description = '请写一写需要什么、为什么需要'
  else if (description.length > WISH_DESCRIPTION_MAX) errors.description = `描述不超过 ${WISH_DESCRIPTION_MAX} 个字`
  if (!v.category) errors.category = '请选择心愿类别'
  if (!costText) errors.cost = '请填写预计花费（元），不需要花钱就填 0'
  else if (!/^\d+$/.test(costText)) errors.cost = '预计花费请填写整数（元）'
  else if (cost > WISH_COST_MAX) errors.cost = `微心愿的预计花费不超过 ${WISH_COST_MAX} 元`
  if (!PHONE_PATTERN.test(phone)) errors.phone = PHONE_MESSAGE
  if (!neighbourhood) errors.neighbourhood = '请填写所在小区'
  else if (neighbourhood.length > WISH_NEIGHBOURHOOD_MAX) errors.neighbourhood = `小区名称不超过 ${WISH_NEIGHBOURHOOD_MAX} 个字`
  if (!address) errors.address = '请填写详细地址，认领的党员上门时用'
  else if (address.length > WISH_ADDRESS_MAX) errors.address = `地址不超过 ${WISH_ADDRESS_MAX} 个字`
  if (v.photos.length > WISH_PHOTOS_MAX) errors.photos = `照片最多 ${WISH_PHOTOS_MAX} 张`

  if (Object.keys(errors).length > 0 || !v.category) return { ok: false, errors }
  return {
    ok: true,
    value: {
      title,
      description,
      category: v.category,
      cost,
      phone,
      address,
      neighbourhood,
      ...(v.photos.length > 0 ? { photos: v.photos.map((p) => p.fileID) } : {}),
      ...(onBehalf ? { onBehalfOf: { name } } : {}),
    },
  }
}

/** The server's per-field messages (dotted input paths) placed on the form's fields. */
export function wishFormErrorsFromServer(fields: Record<string, string> | undefined): WishFormErrors {
  const out: WishFormErrors = {}
  for (const [path, message] of Object.entries(fields ?? {})) {
    if (path === 'onBehalfOf' || path === 'onBehalfOf.name') out.beneficiaryName = message
    else if (path.startsWith('photos')) out.photos = message
    else if (['title', 'description', 'category', 'cost', 'phone', 'address', 'neighbourhood'].includes(path)) out[path as WishFormField] = message
  }
  return out
}
