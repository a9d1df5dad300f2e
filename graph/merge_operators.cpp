// The merge operators: partial records fold into the stored one.

#include <deque>
#include <string>
#include <type_traits>

#include "store_impl.hpp"

namespace geokg::detail {

namespace {

// Full merge decodes the base and every operand once and encodes once, so
// reading a node mentioned by thousands of articles stays linear (the pairwise
// AssociativeMergeOperator re-encodes after every operand: quadratic).
template <typename Record>
class RecordMerge final : public rdb::MergeOperator {
 public:
  explicit RecordMerge(const char* name) : name_(name) {}

  bool FullMergeV2(const MergeOperationInput& in, MergeOperationOutput* out) const override {
    return fold(in.existing_value, in.operand_list, out->new_value);
  }

  bool PartialMergeMulti(const rdb::Slice&, const std::deque<rdb::Slice>& operands,
                         std::string* new_value, rdb::Logger*) const override {
    return fold(nullptr, operands, *new_value);
  }

  const char* Name() const override { return name_; }

 private:
  // A record that does not decode cannot be merged; returning false makes
  // RocksDB report Corruption to the reader, which is what it is.
  template <typename Operands>
  static bool fold(const rdb::Slice* base, const Operands& operands, std::string& out) {
    Record acc, update;
    auto it = operands.begin();
    if (base != nullptr) {
      if (!codec::decode(view(*base), acc).ok()) return false;
    } else {
      if (it == operands.end() || !codec::decode(view(*it), acc).ok()) return false;
      ++it;
    }
    if constexpr (std::is_same_v<Record, EventEdge>) {
      // An event's lists grow with its reports: EdgeFold keeps the fold linear.
      codec::EdgeFold edge(std::move(acc));
      for (; it != operands.end(); ++it) {
        if (!codec::decode(view(*it), update).ok()) return false;
        edge.add(update);
      }
      out = codec::encode(edge.result());
    } else {
      for (; it != operands.end(); ++it) {
        if (!codec::decode(view(*it), update).ok()) return false;
        codec::merge_into(acc, update);
      }
      out = codec::encode(acc);
    }
    return true;
  }

  const char* name_;
};

// names values are evidence counts: operands add up (8-byte LE, "" = 0).
class CountAdd final : public rdb::AssociativeMergeOperator {
 public:
  bool Merge(const rdb::Slice&, const rdb::Slice* existing, const rdb::Slice& value,
             std::string* new_value, rdb::Logger*) const override {
    const std::uint64_t base = existing ? keys::decode_name_count(view(*existing)) : 0;
    *new_value = keys::name_count_value(base + keys::decode_name_count(view(value)));
    return true;
  }
  const char* Name() const override { return "geokg.CountAdd.v1"; }
};

}  // namespace

std::shared_ptr<rdb::MergeOperator> node_merge_operator() {
  return std::make_shared<RecordMerge<Node>>("geokg.NodeMerge.v1");
}
std::shared_ptr<rdb::MergeOperator> edge_merge_operator() {
  return std::make_shared<RecordMerge<EventEdge>>("geokg.EdgeMerge.v1");
}
std::shared_ptr<rdb::MergeOperator> name_count_operator() { return std::make_shared<CountAdd>(); }

}  // namespace geokg::detail
