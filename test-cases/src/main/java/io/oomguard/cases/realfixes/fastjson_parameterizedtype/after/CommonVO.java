package io.oomguard.cases.realfixes.fastjson_parameterizedtype.after;

/** The application's response envelope: code, message, typed data. */
public class CommonVO<T> {
  public int code;
  public String message;
  public T data;
}
