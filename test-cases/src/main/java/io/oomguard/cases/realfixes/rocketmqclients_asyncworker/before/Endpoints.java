package io.oomguard.cases.realfixes.rocketmqclients_asyncworker.before;

public record Endpoints(String host, int port) {}
