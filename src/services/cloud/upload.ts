/**
 * The platform uploader, resolved per build as `transport.ts` is: upload.weapp.ts in the weapp build,
 * upload.h5.ts in the H5 build; TypeScript and Jest (jsdom, a browser) see the H5 one. Both are typed
 * by `Uploader`, so they cannot drift.
 */
export { uploadFile } from './upload.h5'
