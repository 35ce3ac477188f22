package io.oomguard.cases.realfixes.rocketmqclients_asyncworker.before;

public record SendMessageRequest(String topic, byte[] body) {}
