package io.oomguard.cases.realfixes.fastjson_parameterizedtype.before;

import java.lang.reflect.Type;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The reporter's usage: a new ParameterizedTypeImpl for every parse. */
@RestController
public class SomeInfoController {

  @PostMapping("/some-info")
  public String receive(@RequestBody String json) {
    ParameterizedTypeImpl type =
        new ParameterizedTypeImpl(new Type[] {SomeInfo.class}, null, CommonVO.class);
    CommonVO<SomeInfo> result = JSON.parseObject(json, type);
    return result == null ? "empty" : "code " + result.code;
  }
}
