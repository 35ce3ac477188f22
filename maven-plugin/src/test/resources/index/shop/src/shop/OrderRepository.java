package shop;

import java.util.List;

public class OrderRepository implements Repository<Order> {
  @Override
  public List<Order> findAll() {
    return List.of();
  }

  @Override
  public Order findOne(String id) {
    return new Order(id);
  }
}
