// Media types: how a registry and a client agree on what a blob is. OCI's own types and Docker's
// "v2 schema 2" types describe the same structures; Docker accepts both and so do we
// (image-spec media-types.md; distribution manifest-v2-2.md).

export const MediaType = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayerTar: 'application/vnd.oci.image.layer.v1.tar',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  ociLayerZstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
  ociEmpty: 'application/vnd.oci.empty.v1+json',
  ociLayout: 'application/vnd.oci.layout.header.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  dockerForeignLayerGzip: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
} as const;

export type MediaTypeName = (typeof MediaType)[keyof typeof MediaType];

export const manifestMediaTypes: readonly string[] = [MediaType.ociManifest, MediaType.dockerManifest];
export const indexMediaTypes: readonly string[] = [MediaType.ociIndex, MediaType.dockerManifestList];
export const configMediaTypes: readonly string[] = [MediaType.ociConfig, MediaType.dockerConfig];
export const layerMediaTypes: readonly string[] = [
  MediaType.ociLayerTar,
  MediaType.ociLayerGzip,
  MediaType.dockerLayerGzip,
  MediaType.dockerForeignLayerGzip,
];
