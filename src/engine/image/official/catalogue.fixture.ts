// Digests the catalogue must produce in every environment: asserted by catalogue.test.ts in Node and
// by catalogue.browser.test.ts in Chromium. A change here is a change of every digest students see;
// it follows any change to the catalogue's content, the PRNG, or the tar/gzip writers.
export const expectedIndexDigests: Readonly<Record<string, string>> = {
  'library/alpine:latest': 'sha256:b18df0dcda341e3fb2a0bb72c5d33e3b6b921eaafc1a565abb7013ae5cda595e',
  'library/nginx:alpine': 'sha256:44d8e458a45546bec8b7c1975b5e45f629e997e0d8e74c7ca2c0f7be995cc30d',
  'library/hello-world:latest': 'sha256:e506784f1f1a037d905e933b1dc421c9d2a647ab04594019159216edbf3c3800',
};
