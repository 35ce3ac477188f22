// Offer a JDK other than the one running Maven when there is one (JDK 25 on CI), else that one.
def running = new File(System.getProperty('java.home')).canonicalFile
def jdks = (new File('/usr/lib/jvm').listFiles() ?: [])
    .collect { it.canonicalFile }
    .unique()
    .findAll { new File(it, 'bin/javac').exists() && it != running }
    .sort { it.name }
def home = jdks ? jdks[-1] : running
new File(basedir, 'toolchains.xml').text = """<?xml version="1.0" encoding="UTF-8"?>
<toolchains>
  <toolchain>
    <type>jdk</type>
    <provides>
      <version>any</version>
      <vendor>oomguard-it</vendor>
    </provides>
    <configuration>
      <jdkHome>${home}</jdkHome>
    </configuration>
  </toolchain>
</toolchains>
"""
new File(basedir, 'toolchain-jdk.txt').text = home.path
return true
