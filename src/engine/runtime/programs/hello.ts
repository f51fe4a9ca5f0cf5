// hello-world's `/hello`: a tiny static program whose only job is to print the message compiled
// into it — the explanation of what Docker just did to run it — and exit 0. Which architecture's
// image was pulled shows in the message (`(amd64)`, `(arm64v8)`), because each build carries its own.
import type { Program } from '../contract';
import { embeddedText, ownBinary } from './self';

export const hello: Program = async (ctx) => {
  const binary = ownBinary(ctx);
  const message = binary && embeddedText(binary);
  // Only a damaged binary lacks its message; the real one would then crash: killed by SIGSEGV.
  if (message === undefined) return 128 + 11;
  ctx.stdout.write(message);
  return 0;
};
