package shop;

public record Order(String id) {}
