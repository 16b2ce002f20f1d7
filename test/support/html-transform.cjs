// Jest transform: an imported .html file is its text, as esbuild's 'text' loader makes it in the build.
module.exports = {
  process(source) {
    return { code: `module.exports = ${JSON.stringify(source)};` };
  },
};
