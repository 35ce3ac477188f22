package shop;

public interface PriceService {
  long price(int quantity);
}
