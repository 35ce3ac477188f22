package io.oomguard.cases.realfixes.fastjson_parameterizedtype.before;

/** A payload type of the application. */
public class SomeInfo {
  public String id;
  public String name;
}
