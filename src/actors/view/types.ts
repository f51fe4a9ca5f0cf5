// The world as the stage, the inspectors and the lesson runtime see it: a plain, serialisable
// picture (no classes, no functions, no bytes) of every machine's daemon — images as stacks of
// layers, containers with Docker's own state words and STATUS text, networks, volumes — every
// registry's repositories and tags, the links between them and the open terminals. `viewOf`
// (world-view.ts) takes it; nothing in it can change the world.

/** One layer of an image, as the classic (overlay2) layer store keeps it. */
export interface LayerView {
  /** sha256 of the uncompressed tar (`rootfs.diff_ids`). */
  diffId: string;
  /** The layer and everything below it (image-spec ChainID): the layer store's key. */
  chainId: string;
  /** Bytes of the unpacked diff, as `docker images` counts them. */
  size: number;
  /** The compressed blob's digest, when the daemon knows where it came from (pulled or pushed). */
  digest?: string;
  /** IDs of the *other* images on this host that stack this very layer (same chain ID). */
  sharedWith: string[];
}

export interface ImageView {
  /** `sha256:…` (the digest of the config). */
  id: string;
  /** Familiar names, as `docker images` prints them: `alpine:latest`, `student/app:v1`. */
  repoTags: string[];
  repoDigests: string[];
  /** Sum of the layers' sizes (bytes). */
  size: number;
  /** The config's `created` (RFC 3339), or '' when it has none. */
  created: string;
  /** Base layer first. */
  layers: LayerView[];
}

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface ContainerView {
  /** Full 64-hex ID. */
  id: string;
  /** Without its slash: `web`, `nostalgic_morse`. */
  name: string;
  /** The IMAGE column of `docker ps`. */
  image: string;
  imageId: string;
  /** The COMMAND column, untruncated: `"/hello"`. */
  command: string;
  state: ContainerState;
  /** The STATUS column: `Up 5 minutes`, `Exited (0) 3 seconds ago`. */
  status: string;
  exitCode: number;
  /** Host PID of PID 1, while it runs. */
  pid?: number;
  hostname: string;
  /** Its address on the default bridge, while it runs. */
  ip?: string;
  /** Exposed/published ports: `80/tcp`. */
  ports: string[];
  /** Bind mounts and volumes as given: `data:/var/lib/redis`. */
  mounts: string[];
}

export interface NetworkView {
  id: string;
  name: string;
  driver: string;
  scope: string;
  /** IDs of the containers attached, when the daemon says. */
  containers: string[];
}

export interface VolumeView {
  name: string;
  driver: string;
  mountpoint: string;
}

export interface HostView {
  name: string;
  /** The machine is reachable (not `host.down`, and its daemon not stopped). */
  up: boolean;
  /** Its daemon's actor is `up`. */
  daemonUp: boolean;
  images: ImageView[];
  containers: ContainerView[];
  networks: NetworkView[];
  volumes: VolumeView[];
}

export interface TagView {
  tag: string;
  /** The manifest (or index) digest the tag points at. */
  digest: string;
  mediaType: string;
  /** Layers of the image manifest (of the first platform, for an index). */
  layers: number;
  /** Compressed bytes of those layers plus the config. */
  size: number;
  /** `linux/amd64`… for an index; empty for a single image manifest. */
  platforms: string[];
}

export interface RepositoryView {
  /** `library/alpine`, `student/app`. */
  name: string;
  tags: TagView[];
  /** Blobs linked into the repository. */
  blobs: number;
  manifests: number;
}

export interface RegistryView {
  name: string;
  up: boolean;
  repositories: RepositoryView[];
}

export interface LinkView {
  a: string;
  b: string;
  up: boolean;
  latencyMs: number;
}

export interface TerminalView {
  name: string;
  /** The machine the terminal is on and the daemon its client talks to. */
  host: string;
  daemon: string;
  busy: boolean;
  /** The command line running now, when known. */
  line?: string;
}

export interface WorldView {
  /** The world's clock (ms since the epoch). */
  time: number;
  /** The newest trace entry when the view was taken. */
  seq: number;
  hosts: HostView[];
  registries: RegistryView[];
  links: LinkView[];
  terminals: TerminalView[];
}
