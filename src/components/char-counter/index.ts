export { CharCounter, type CharCounterProps } from './char-counter'
