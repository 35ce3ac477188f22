package shop;

public class FlatPrice implements PriceService {
  @Override
  public long price(int quantity) {
    return 100L * quantity;
  }
}
