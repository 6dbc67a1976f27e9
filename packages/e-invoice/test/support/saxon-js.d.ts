declare module "saxon-js" {
  const SaxonJS: {
    transform(options: Record<string, unknown>, mode: "sync"): unknown;
  };
  export default SaxonJS;
}
