#pragma once
// A dataset of tar shards in the WebDataset layout, read in place through libarchive:
// each example is a group of members sharing a key ("dir/key.jpg" or ".png" + "dir/key.cls",
// optionally "dir/key.json"). The shards are indexed when opened (one pass over the
// members' headers with libarchive; the data of the images is skipped, only the small
// .cls members are read); an image is then read at its recorded offset and decoded on
// demand, so shards far larger than memory can be opened and sampled at random.
//
// The split comes from the shard's name: "train" in it for training, "test" or "val" for
// test; examples of other shards get a seeded per-class split (OpenOptions). The
// fingerprint hashes each shard's contents (shardHashes()) with the examples' keys and
// labels.
#include <cstdint>
#include <string>
#include <vector>

#include "data/dataset.h"
#include "data/readers.h"

namespace ps {

struct TarMember {
  uint32_t shard = 0;   // index into shards()
  uint64_t offset = 0;  // of the image's bytes in the shard
  uint64_t size = 0;
  int label = 0;
  std::string name;  // the image member's path inside the shard
};

class TarShardDataset : public Dataset {
 public:
  // Indexes the shards (paths of .tar files); DatasetError naming the shard for a
  // truncated or damaged shard, a .cls that is not a class number, or no examples.
  TarShardDataset(std::string spec, std::string root, std::vector<std::string> shards, const OpenOptions& options);

  std::string format() const override { return "tar"; }
  std::string spec() const override { return spec_; }
  size_t size(Split split) const override { return members_[static_cast<int>(split)].size(); }
  int label(Split split, size_t i) const override { return member(split, i).label; }
  cv::Mat image(Split split, size_t i) const override;
  // "<shard path>#<member name>".
  std::string source(Split split, size_t i) const override;
  const std::vector<std::string>& classNames() const override { return classNames_; }
  ImageShape shape() const override { return shape_; }
  const std::vector<SkippedFile>& skipped() const override { return skipped_; }

  const std::vector<std::string>& shards() const { return shards_; }
  // XXH3-64 of each shard's bytes, in the order of shards() (computed on first call).
  std::vector<std::string> shardHashes() const;

 protected:
  std::string computeFingerprint() const override;

 private:
  const TarMember& member(Split split, size_t i) const;
  std::vector<uint8_t> readMember(const TarMember& m) const;
  cv::Mat decode(const TarMember& m, const std::vector<uint8_t>& bytes) const;

  std::string spec_, root_;
  std::vector<std::string> shards_;
  std::vector<std::string> classNames_;
  std::vector<TarMember> members_[2];
  std::vector<SkippedFile> skipped_;
  ImageShape shape_;
};

// The .tar files directly in `dir`, sorted by name (empty when there are none).
std::vector<std::string> tarShardsIn(const std::string& dir);

}  // namespace ps
