// Tar: the container of a layer. Every image layer is a tar archive of the files that layer adds,
// changes or (through `.wh.` whiteout files) deletes; compressed with gzip it is the blob a registry
// stores, and the sha256 of the uncompressed tar is the layer's DiffID in the image config.
//
// The format is 1979's tape archive grown over the years: the POSIX ustar header (tar-fields.ts,
// tar-header.ts), PAX extended records for what ustar cannot express (tar-pax.ts), and GNU tar's own
// long-name entries, which the reader also understands. The writer (tar-write.ts) is deterministic;
// the reader (tar-read.ts) refuses anything truncated, damaged or reaching outside the root (path.ts).
export { writeTar } from './tar-write';
export { readTar } from './tar-read';
export { TarError } from './tar-error';
