// A first-in first-out queue on one growable ring buffer: push_back, pop_front and front without an
// allocation per few elements (std::deque allocates and frees a 512-byte block every few elements,
// which showed up in profiles of gate queues and run queues). Never shrinks.
//
// Example:
//   Fifo<Person> queue;
//   queue.push_back(p);
//   const Person first = queue.front();
//   queue.pop_front();
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <vector>

namespace sim::flow {

template <class T>
class Fifo {
 public:
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  T& front() { return buf_[head_]; }
  const T& front() const { return buf_[head_]; }
  T& back() { return buf_[(head_ + size_ - 1) & (buf_.size() - 1)]; }
  const T& operator[](std::size_t i) const { return buf_[(head_ + i) & (buf_.size() - 1)]; }

  void push_back(const T& v) {
    if (size_ == buf_.size()) grow();
    buf_[(head_ + size_) & (buf_.size() - 1)] = v;
    ++size_;
  }
  /// push_back of each of `n` values, in one go.
  void append(const T* values, std::size_t n) {
    while (buf_.size() - size_ < n) grow();
    const std::size_t tail = (head_ + size_) & (buf_.size() - 1);
    const std::size_t first = std::min(n, buf_.size() - tail);  // up to the end of the buffer, then from its start
    std::copy(values, values + first, buf_.begin() + static_cast<std::ptrdiff_t>(tail));
    std::copy(values + first, values + n, buf_.begin());
    size_ += n;
  }
  void pop_front() {
    head_ = (head_ + 1) & (buf_.size() - 1);
    --size_;
  }
  void clear() {
    head_ = 0;
    size_ = 0;
  }

  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;
    const_iterator(const Fifo* f, std::size_t i) : f_(f), i_(i) {}
    const T& operator*() const { return (*f_)[i_]; }
    const T* operator->() const { return &(*f_)[i_]; }
    const_iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator==(const const_iterator& o) const { return i_ == o.i_; }
    bool operator!=(const const_iterator& o) const { return i_ != o.i_; }

   private:
    const Fifo* f_;
    std::size_t i_;
  };
  const_iterator begin() const { return const_iterator(this, 0); }
  const_iterator end() const { return const_iterator(this, size_); }

 private:
  void grow() {
    std::vector<T> bigger(buf_.empty() ? 16 : 2 * buf_.size());
    for (std::size_t i = 0; i < size_; ++i) bigger[i] = (*this)[i];
    buf_.swap(bigger);
    head_ = 0;
  }

  std::vector<T> buf_;  ///< capacity: 0 or a power of two
  std::size_t head_ = 0, size_ = 0;
};

}  // namespace sim::flow
