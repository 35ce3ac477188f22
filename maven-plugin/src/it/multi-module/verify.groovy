import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('oomguard: skipped, packaging is pom.')
assert log =~ /oomguard: skipped, no Java sources in \[\S*docs\/src\/main\/java\]\./
assert log.contains('[ERROR] api/src/main/java/com/example/api/Prices.java:[7,3] [OomSafeWithoutReason]')
assert log.contains('[ERROR] service/src/main/java/com/example/service/FixedPrices.java:[9,3] [OomSafeWithoutReason]')
assert log.contains('report: api/target/oomguard/oomguard.sarif')
assert log.contains('report: service/target/oomguard/oomguard.sarif')
assert log.contains('BUILD SUCCESS')

def uris = { module ->
  def run = new JsonSlurper().parse(new File(basedir, "${module}/target/oomguard/oomguard.sarif")).runs[0]
  assert run.automationDetails.id == "oomguard/${module}/"
  assert run.originalUriBaseIds['%SRCROOT%'].uri == basedir.toPath().toUri().toString()
  run.results.findAll { it.ruleId == 'OomSafeWithoutReason' }.collect {
    assert it.locations[0].physicalLocation.artifactLocation.uriBaseId == '%SRCROOT%'
    it.locations[0].physicalLocation.artifactLocation.uri
  }
}
assert uris('api') == ['api/src/main/java/com/example/api/Prices.java']
assert uris('service') == ['service/src/main/java/com/example/service/FixedPrices.java']
assert !new File(basedir, 'target/oomguard').exists()
return true
