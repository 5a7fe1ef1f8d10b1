export { ScoreBars, type ScoreBar, type ScoreBarsProps } from './score-bars'
