export { CheckInBoard, type CheckInBoardProps } from './check-in-board'
