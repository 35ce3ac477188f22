package shop;

import java.util.List;

public interface Repository<T> {
  List<T> findAll();

  T findOne(String id);
}
