// A binary encoding of plain values: numbers, enums, strings, vectors, maps, optionals, and aggregates
// of them. An aggregate's fields are found by structured bindings, so a field added to a scenario
// struct is encoded without touching this file (and a struct the decomposition cannot take apart
// does not compile). For handing a loaded scenario from `evacsim run` to its runner process, built
// from the same sources: the bytes are neither stable across builds nor portable between machines.
//
// Example:
//   std::string bytes = sim::model::encode(scenario);
//   auto back = sim::model::decode<sim::model::Scenario>(bytes);  // throws CodecError if malformed
#pragma once

#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace sim::model {

struct CodecError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

namespace codec_detail {

// Converts to anything (only in unevaluated contexts): T{AnyField{}, ...} compiles for as many
// initialisers as T has fields, and no more.
struct AnyField {
  template <class U>
  operator U() const;  // NOLINT(google-explicit-constructor): the point
};

template <class T, class... Fields>
constexpr std::size_t field_count() {
  if constexpr (requires { T{Fields{}..., AnyField{}}; })
    return field_count<T, Fields..., AnyField>();
  else
    return sizeof...(Fields);
}

template <class T>
inline constexpr bool is_vector = false;
template <class T, class A>
inline constexpr bool is_vector<std::vector<T, A>> = true;
template <class T>
inline constexpr bool is_map = false;
template <class K, class V, class C, class A>
inline constexpr bool is_map<std::map<K, V, C, A>> = true;
template <class T>
inline constexpr bool is_optional = false;
template <class T>
inline constexpr bool is_optional<std::optional<T>> = true;

// Calls f(field) for each field of the aggregate `t`, in declaration order.
template <class T, class F>
void for_each_field(T& t, F&& f) {
  constexpr std::size_t n = field_count<std::remove_const_t<T>>();
  static_assert(n <= 20, "codec: aggregates of up to 20 fields (add a case below)");
  // clang-format off
  if constexpr (n == 0) {
  } else if constexpr (n == 1) { auto& [a] = t; f(a);
  } else if constexpr (n == 2) { auto& [a, b] = t; f(a); f(b);
  } else if constexpr (n == 3) { auto& [a, b, c] = t; f(a); f(b); f(c);
  } else if constexpr (n == 4) { auto& [a, b, c, d] = t; f(a); f(b); f(c); f(d);
  } else if constexpr (n == 5) { auto& [a, b, c, d, e] = t; f(a); f(b); f(c); f(d); f(e);
  } else if constexpr (n == 6) { auto& [a, b, c, d, e, g] = t; f(a); f(b); f(c); f(d); f(e); f(g);
  } else if constexpr (n == 7) { auto& [a, b, c, d, e, g, h] = t; f(a); f(b); f(c); f(d); f(e); f(g); f(h);
  } else if constexpr (n == 8) { auto& [a, b, c, d, e, g, h, i] = t; f(a); f(b); f(c); f(d); f(e); f(g); f(h); f(i);
  } else if constexpr (n == 9) { auto& [a, b, c, d, e, g, h, i, j] = t; f(a); f(b); f(c); f(d); f(e); f(g); f(h); f(i); f(j);
  } else if constexpr (n == 10) { auto& [a, b, c, d, e, g, h, i, j, k] = t; f(a); f(b); f(c); f(d); f(e); f(g); f(h); f(i); f(j); f(k);
  } else if constexpr (n == 11) { auto& [a, b, c, d, e, g, h, i, j, k, l] = t; f(a); f(b); f(c); f(d); f(e); f(g); f(h); f(i); f(j); f(k); f(l);
  } else if constexpr (n == 12) { auto& [a, b, c, d, e, g, h, i, j, k, l, m] = t; f(a); f(b); f(c); f(d); f(e); f(g); f(h); f(i); f(j); f(k); f(l); f(m);
  } else if constexpr (n == 13) { auto& [a, b, c, d, e, g, h, i, j, k, l, m, o] = t; f(a); f(b); f(c); f(d); f(e); f(g); f(h); f(i); f(j); f(k); f(l); f(m); f(o);
  } else if constexpr (n == 14) { auto& [a, b, c, d, e, g, h, i, j, k, l, m, o, p] = t; f(a); f(b); f(c); f(d); f(e); f(g); f(h); f(i); f(j); f(k); f(l); f(m); f(o); f(p);
  } else if constexpr (n == 15) { auto& [a, b, c, d, e, g, h, i, j, k, l, m, o, p, q] = t; f(a); f(b); f(c); f(d); f(e); f(g); f(h); f(i); f(j); f(k); f(l); f(m); f(o); f(p); f(q);
  } else if constexpr (n == 16) { auto& [a, b, c, d, e, g, h, i, j, k, l, m, o, p, q, r] = t; f(a); f(b); f(c); f(d); f(e); f(g); f(h); f(i); f(j); f(k); f(l); f(m); f(o); f(p); f(q); f(r);
  } else if constexpr (n == 17) { auto& [a, b, c, d, e, g, h, i, j, k, l, m, o, p, q, r, s] = t; f(a); f(b); f(c); f(d); f(e); f(g); f(h); f(i); f(j); f(k); f(l); f(m); f(o); f(p); f(q); f(r); f(s);
  } else if constexpr (n == 18) { auto& [a, b, c, d, e, g, h, i, j, k, l, m, o, p, q, r, s, u] = t; f(a); f(b); f(c); f(d); f(e); f(g); f(h); f(i); f(j); f(k); f(l); f(m); f(o); f(p); f(q); f(r); f(s); f(u);
  } else if constexpr (n == 19) { auto& [a, b, c, d, e, g, h, i, j, k, l, m, o, p, q, r, s, u, v] = t; f(a); f(b); f(c); f(d); f(e); f(g); f(h); f(i); f(j); f(k); f(l); f(m); f(o); f(p); f(q); f(r); f(s); f(u); f(v);
  } else { auto& [a, b, c, d, e, g, h, i, j, k, l, m, o, p, q, r, s, u, v, w] = t; f(a); f(b); f(c); f(d); f(e); f(g); f(h); f(i); f(j); f(k); f(l); f(m); f(o); f(p); f(q); f(r); f(s); f(u); f(v); f(w);
  }
  // clang-format on
}

class Writer {
 public:
  template <class T>
  void put(const T& v) {
    if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) {
      static_assert(!std::is_same_v<T, bool> || sizeof(bool) == 1);
      raw(&v, sizeof v);
    } else if constexpr (std::is_same_v<T, std::string>) {
      put(static_cast<std::uint64_t>(v.size()));
      raw(v.data(), v.size());
    } else if constexpr (is_vector<T>) {
      static_assert(!std::is_same_v<typename T::value_type, bool>, "codec: no std::vector<bool>");
      put(static_cast<std::uint64_t>(v.size()));
      for (const auto& x : v) put(x);
    } else if constexpr (is_map<T>) {
      put(static_cast<std::uint64_t>(v.size()));
      for (const auto& [k, x] : v) {
        put(k);
        put(x);
      }
    } else if constexpr (is_optional<T>) {
      put(v.has_value());
      if (v) put(*v);
    } else {
      static_assert(std::is_aggregate_v<T>, "codec: numbers, enums, strings, vectors, maps, optionals, aggregates");
      for_each_field(v, [this](const auto& field) { put(field); });
    }
  }
  std::string& bytes() { return out_; }

 private:
  void raw(const void* p, std::size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}

  template <class T>
  void get(T& v) {
    if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) {
      raw(&v, sizeof v);
      if constexpr (std::is_same_v<T, bool>) {
        unsigned char byte;
        std::memcpy(&byte, &v, 1);
        if (byte > 1) throw CodecError("malformed: not a truth value");
      }
    } else if constexpr (std::is_same_v<T, std::string>) {
      const std::size_t n = count(1);
      v.assign(in_.substr(at_, n));
      at_ += n;
    } else if constexpr (is_vector<T>) {
      const std::size_t n = count(1);  // every element takes at least a byte: no huge allocation
      v.clear();
      v.reserve(n);
      for (std::size_t i = 0; i < n; ++i) get(v.emplace_back());
    } else if constexpr (is_map<T>) {
      const std::size_t n = count(2);
      v.clear();
      for (std::size_t i = 0; i < n; ++i) {
        typename T::key_type k;
        get(k);
        typename T::mapped_type x;
        get(x);
        if (!v.emplace(std::move(k), std::move(x)).second) throw CodecError("malformed: a key twice");
      }
    } else if constexpr (is_optional<T>) {
      bool has = false;
      get(has);
      if (!has) {
        v.reset();
        return;
      }
      get(v.emplace());
    } else {
      for_each_field(v, [this](auto& field) { get(field); });
    }
  }
  bool done() const { return at_ == in_.size(); }

 private:
  void raw(void* p, std::size_t n) {
    if (in_.size() - at_ < n) throw CodecError("malformed: truncated");
    std::memcpy(p, in_.data() + at_, n);
    at_ += n;
  }
  // A length that the rest of the input can hold, each element taking at least `min_bytes`.
  std::size_t count(std::size_t min_bytes) {
    std::uint64_t n = 0;
    get(n);
    if (n > (in_.size() - at_) / min_bytes) throw CodecError("malformed: a length past the end");
    return static_cast<std::size_t>(n);
  }
  std::string_view in_;
  std::size_t at_ = 0;
};

}  // namespace codec_detail

template <class T>
std::string encode(const T& value) {
  codec_detail::Writer w;
  w.put(value);
  return std::move(w.bytes());
}

/// The value encode() gave `bytes` for. Throws CodecError on truncated, extended or malformed input.
template <class T>
T decode(std::string_view bytes) {
  T value{};
  codec_detail::Reader r(bytes);
  r.get(value);
  if (!r.done()) throw CodecError("malformed: bytes after the end");
  return value;
}

}  // namespace sim::model
