package hotpath;

class JaxRsResources {
  static void probe() {}

  @javax.ws.rs.Path("/legacy")
  static class LegacyResource {
    @javax.ws.rs.GET
    @javax.ws.rs.Path("{id}")
    String get() {
      // BUG: Diagnostic contains: hot in JAX-RS resource method `LegacyResource.get` (GET /legacy/{id})
      probe();
      return "";
    }

    @javax.ws.rs.DELETE
    void delete() {
      // BUG: Diagnostic contains: hot in JAX-RS resource method `LegacyResource.delete` (DELETE /legacy)
      probe();
    }
  }

  @jakarta.ws.rs.Path("/v2/items")
  static class ItemResource {
    @jakarta.ws.rs.POST
    void create() {
      // BUG: Diagnostic contains: hot in JAX-RS resource method `ItemResource.create` (POST /v2/items)
      probe();
    }

    @jakarta.ws.rs.PATCH
    @jakarta.ws.rs.Path("/{id}")
    void patch() {
      // BUG: Diagnostic contains: JAX-RS resource method `ItemResource.patch` (PATCH /v2/items/{id})
      probe();
    }

    @jakarta.ws.rs.HEAD
    void head() {
      // BUG: Diagnostic contains: JAX-RS resource method `ItemResource.head` (HEAD /v2/items)
      probe();
    }

    @jakarta.ws.rs.OPTIONS
    void options() {
      // BUG: Diagnostic contains: JAX-RS resource method `ItemResource.options`
      probe();
    }

    @jakarta.ws.rs.PUT
    void put() {
      // BUG: Diagnostic contains: JAX-RS resource method `ItemResource.put`
      probe();
    }

    /** A sub-resource locator helper nobody routes to. */
    void unrouted() {
      probe();
    }
  }
}
