package io.oomguard.cases.realfixes.quickfixj_sessiontimer.after;

public record SessionID(String beginString, String senderCompID, String targetCompID) {}
