// The course as the `dockyard:course` plugin in vite.config.ts built it (see course-module.ts):
// the outcome of buildCourse, as data.
declare module 'virtual:dockyard-course' {
  const built: import('../parse/course-builder').CourseBuild;
  export default built;
}
