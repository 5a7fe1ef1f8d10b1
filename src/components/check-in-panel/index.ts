export { CheckInPanel, type CheckInPanelProps, type CheckInPanelTone } from './check-in-panel'
