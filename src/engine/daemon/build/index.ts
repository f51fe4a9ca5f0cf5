// The classic builder (`docker build` with DOCKER_BUILDKIT=0, `POST /build`): a Dockerfile run step
// by step in the daemon's own containers, each step an image, the local images its cache. The route
// is ../api/build-routes.ts; the actors can drive `runBuild` directly and read its stream.
export { runBuild, buildTags, type BuildRequest } from './builder';
export { parseBuildOptions, type BuildOptions } from './options';
export { BuildOutput, errorLine } from './output';
export { refusal, streamFailure } from './failure';
export { imageProber, sameStep, type ImageProber } from './image-cache';
export { EMPTY_TAR_DIGEST } from './child-image';
