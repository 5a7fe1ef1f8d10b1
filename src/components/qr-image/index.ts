export { QrImage, type QrImageProps } from './qr-image'
export { qrDataUrl, qrSvg } from './qr-svg'
