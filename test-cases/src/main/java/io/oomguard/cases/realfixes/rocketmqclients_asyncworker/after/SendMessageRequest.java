package io.oomguard.cases.realfixes.rocketmqclients_asyncworker.after;

public record SendMessageRequest(String topic, byte[] body) {}
