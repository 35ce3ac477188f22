package io.oomguard.cases.realfixes.rocketmqclients_asyncworker.before;

public record SendMessageResponse(int code, String messageId) {}
