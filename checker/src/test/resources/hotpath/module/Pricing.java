package hotpath.module;

/** A service the handler calls through its interface. */
interface Pricing {
  long quote(String sku);
}
