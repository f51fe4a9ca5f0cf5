// `docker save` and `docker load`: images to and from a tar that is both a docker archive and an
// OCI image layout.
export { saveImages, type SaveInput } from './save';
export { loadArchive, type LoadedImage, type LoadOptions } from './load';
export { ArchiveError, type ArchiveErrorKind } from './archive-error';
