package io.oomguard.cases.realfixes.scg_circuitbreakerstatuses.after;

import org.springframework.http.HttpStatus;

/** Parses a configured status: a code ("500") or a name ("BAD_GATEWAY"). */
public final class HttpStatusHolder {
  private final HttpStatus httpStatus;

  private HttpStatusHolder(HttpStatus httpStatus) {
    this.httpStatus = httpStatus;
  }

  public static HttpStatusHolder parse(String status) {
    HttpStatus httpStatus;
    try {
      httpStatus = HttpStatus.resolve(Integer.parseInt(status));
    } catch (NumberFormatException e) {
      httpStatus = HttpStatus.valueOf(status.toUpperCase().replace('-', '_'));
    }
    return new HttpStatusHolder(httpStatus);
  }

  public HttpStatus getHttpStatus() {
    return httpStatus;
  }
}
