package io.oomguard.cases.realfixes.rocketmqclients_asyncworker.after;

public record Endpoints(String host, int port) {}
