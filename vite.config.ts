/// <reference types="vitest/config" />
import { defineConfig, runnerImport, type Plugin, type Rolldown } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const COURSE_MODULE = 'virtual:dockyard-course';
type CourseModuleBuilder = typeof import('./src/lessons/build/course-module');

/**
 * The course parsed at build time, so the page imports data and not the parser:
 * `virtual:dockyard-course` is what src/lessons/build/course-module.ts makes of the files in
 * lessons/ (run in Node through Vite's module runner; the config imports none of our TypeScript).
 * `vite build` fails on a course with problems, listing them; the dev server and Vitest get the
 * problems as data, and an edit under lessons/ builds the course again and reloads the page.
 */
function builtCourse(lessonsDir: string): Plugin {
  const resolvedId = `\0${COURSE_MODULE}`;
  let strict = false;
  let builder: CourseModuleBuilder | undefined;
  const inCourse = (file: string, isCourseFile: (path: string) => boolean) => {
    const path = relative(lessonsDir, file);
    return !path.startsWith('..') && isCourseFile(path.split(sep).join('/'));
  };
  return {
    name: 'dockyard:course',
    configResolved(config) {
      strict = config.command === 'build';
    },
    resolveId(id) {
      return id === COURSE_MODULE ? resolvedId : undefined;
    },
    async load(id) {
      if (id !== resolvedId) return undefined;
      const modulePath = join(import.meta.dirname, 'src/lessons/build/course-module.ts');
      builder ??= (await runnerImport<CourseModuleBuilder>(modulePath, { logLevel: 'error' })).module;
      const { isCourseFile, courseModule } = builder;
      const files = readdirSync(lessonsDir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && inCourse(join(entry.parentPath, entry.name), isCourseFile))
        .map((entry) => join(entry.parentPath, entry.name))
        .map((file) => ({
          path: `/lessons/${relative(lessonsDir, file).split(sep).join('/')}`,
          text: readFileSync(file, 'utf8'),
        }));
      try {
        return courseModule(files, { strict });
      } catch (err) {
        if (err instanceof Error && err.name === 'CourseProblemsError') this.error(err.message);
        throw err;
      }
    },
    hotUpdate({ file, modules }) {
      if (!builder || !inCourse(file, builder.isCourseFile)) return undefined;
      const course = this.environment.moduleGraph.getModuleById(resolvedId);
      if (!course) return undefined;
      this.environment.moduleGraph.invalidateModule(course);
      return [...modules, course];
    },
  };
}

/**
 * `<link rel="modulepreload">` in index.html for the chunks of the packages named: dynamically
 * imported, yet needed by the first screen at once (the terminal's xterm), so the browser fetches
 * them beside the entry instead of after the entry has run and drawn. Vite itself preloads only the
 * entry's static imports. These chunks count as initial JavaScript (bench row P1s).
 */
function preloadDynamicChunks(packages: string[]): Plugin {
  let base = '/';
  return {
    name: 'dockyard:preload-dynamic-chunks',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunkOf = (fileName: string) => {
          const output = bundle[fileName];
          return output?.type === 'chunk' ? output : undefined;
        };
        const wanted: string[] = [];
        const add = (chunk: Rolldown.OutputChunk | undefined) => {
          if (!chunk || wanted.includes(chunk.fileName)) return;
          wanted.push(chunk.fileName);
          for (const dep of chunk.imports) add(chunkOf(dep));
        };
        for (const output of Object.values(bundle)) {
          if (output.type !== 'chunk' || !output.isDynamicEntry) continue;
          const facade = output.facadeModuleId ?? '';
          if (packages.some((name) => facade.includes(`/node_modules/${name}/`))) add(output);
        }
        const missing = packages.filter(
          (name) => !wanted.some((file) => chunkOf(file)?.facadeModuleId?.includes(name)),
        );
        if (missing.length > 0) {
          throw new Error(
            `dockyard:preload-dynamic-chunks: no chunk of ${missing.join(', ')} loaded with import() to preload`,
          );
        }
        return wanted
          .map((fileName) => `${base}${fileName}`)
          .filter((href) => !html.includes(`href="${href}"`))
          .map((href) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href }, injectTo: 'head' }));
      },
    },
  };
}

// One config for the app and for the Node-side tests (`npm test`).
// End-to-end and conformance suites have their own configs under test/.
export default defineConfig({
  plugins: [
    svelte(),
    preloadDynamicChunks(['@xterm/xterm', '@xterm/addon-fit']),
    builtCourse(join(import.meta.dirname, 'lessons')),
  ],
  build: { target: 'es2022' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/conformance/**', 'node_modules/**', '**/*.browser.test.ts'],
    environment: 'node',
    // Building a world (catalogue, registries, daemons) takes a few seconds on a busy 2-core machine.
    testTimeout: 30_000,
  },
});
