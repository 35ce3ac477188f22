package io.oomguard.cases.realfixes.spring_viewcache.before;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's configuration: one JSP view resolver bean, one dispatcher. */
@Configuration
public class WebConfig {
  @Bean
  public UrlBasedViewResolver viewResolver() {
    UrlBasedViewResolver resolver = new UrlBasedViewResolver();
    resolver.setPrefix("/WEB-INF/jsp/");
    resolver.setSuffix(".jsp");
    return resolver;
  }

  @Bean
  public DispatcherServlet dispatcherServlet(UrlBasedViewResolver viewResolver) {
    return new DispatcherServlet(new OrderFormController(), viewResolver);
  }
}
