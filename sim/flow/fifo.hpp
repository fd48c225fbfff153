// A first-in first-out queue on one growable ring buffer: push_back, pop_front and front without an
// allocation per few elements (std::deque allocates and frees a 512-byte block every few elements,
// which showed up in profiles of gate queues and run queues). Never shrinks. (BatchQueue, below, is
// for queues fed whole vectors at a time: it takes them over instead of copying.)
//
// Example:
//   Fifo<Person> queue;
//   queue.push_back(p);
//   const Person first = queue.front();
//   queue.pop_front();
#pragma once

#include <cstddef>
#include <deque>
#include <iterator>
#include <utility>
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
  void pop_front() {
    head_ = (head_ + 1) & (buf_.size() - 1);
    --size_;
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

/// A first-in first-out queue fed whole batches, which it takes over instead of copying them: a batch
/// handed to take() is queued as it is, and the memory of a batch used up comes back to the feeder
/// with its next take() (so a feeder that refills one vector allocates nothing once warm).
///
/// Example:
///   BatchQueue<Person> queue;
///   std::vector<Person> batch = ...;   // in order
///   queue.take(batch);                  // batch is now empty
///   while (!queue.empty()) { use(queue.front()); queue.pop_front(); }
template <class T>
class BatchQueue {
 public:
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  const T& front() const { return *next_; }
  const T& back() const { return batches_.back().back(); }
  void pop_front() {
    --size_;
    if (++next_ == end_) next_batch();
  }
  /// Queues the items of `batch` after those queued, taking its memory; leaves `batch` empty (holding
  /// the memory of a batch used up earlier, if any).
  void take(std::vector<T>& batch) {
    if (batch.empty()) return;
    size_ += batch.size();
    batches_.push_back(std::move(batch));
    batch.clear();  // moved from: valid, now certainly empty
    if (!spares_.empty()) {
      batch.swap(spares_.back());
      spares_.pop_back();
    }
    if (batches_.size() == 1) point_at_front();
  }
  void clear() {
    while (!batches_.empty()) retire_front();
    size_ = 0;
    next_ = end_ = nullptr;
  }
  /// Calls f(item) for each item queued, first to last.
  template <class F>
  void for_each(F f) const {
    for (const T* p = next_; p != end_; ++p) f(*p);
    for (std::size_t b = 1; b < batches_.size(); ++b)
      for (const T& v : batches_[b]) f(v);
  }

 private:
  void point_at_front() {
    next_ = batches_.front().data();
    end_ = next_ + batches_.front().size();
  }
  void retire_front() {
    spares_.push_back(std::move(batches_.front()));
    spares_.back().clear();
    batches_.pop_front();
  }
  void next_batch() {
    retire_front();
    if (batches_.empty())
      next_ = end_ = nullptr;
    else
      point_at_front();
  }

  std::deque<std::vector<T>> batches_;  ///< never an empty one
  std::vector<std::vector<T>> spares_;  ///< used up, kept for their memory
  const T* next_ = nullptr;             ///< the front item, in batches_.front()
  const T* end_ = nullptr;              ///< the end of batches_.front()
  std::size_t size_ = 0;
};

}  // namespace sim::flow
