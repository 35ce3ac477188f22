package io.oomguard.cases.realfixes.helidon_mappercachekey.before;

/** An application handler reading a typed query parameter, as the users did. */
public final class GreetService implements Handler {
  @Override
  public void handle(ServerRequest req, ServerResponse res) {
    int page = req.query().first("page").map(value -> value.as(Integer.class)).orElse(1);
    res.send("greetings, page " + page);
  }
}
