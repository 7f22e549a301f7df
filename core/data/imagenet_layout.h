#pragma once
// ImageNet's layouts on top of the image folder: class names from a synset file, and the
// validation split as Kaggle ships it (a flat val/ folder with LOC_val_solution.csv).
#include <filesystem>
#include <string>
#include <vector>

#include "data/file_list.h"

namespace ps {

struct SkippedFile;

// The names shown for the class folders `ids`, from LOC_synset_mapping.txt (in `root` or
// up to three folders above it, as Kaggle's download has it: "n01440764 tench, Tinca
// tinca" gives "n01440764 tench") or from a classes.txt of "id name" lines in `root`.
// Empty when there is neither. Throws DatasetError naming the file and the value for a
// malformed line, an id listed twice, or a class folder the file does not name (the
// file may name more classes than there are folders: a subset of ImageNet).
std::vector<std::string> synsetClassNames(const std::filesystem::path& root, const std::vector<std::string>& ids);

// LOC_val_solution.csv in `root` or up to three folders above it; empty path when none.
std::filesystem::path findValSolution(const std::filesystem::path& root);

// Adds the files of the flat folder `val` to `list` as test examples, labelled by the
// solution CSV (ImageId,PredictionString: the first word of the prediction is the
// class). Files it does not list are skipped. Throws DatasetError naming the CSV, line
// and value for a malformed row, an unknown class, an ImageId listed twice or one naming
// no file in `val`.
void collectKaggleVal(const std::filesystem::path& val, const std::filesystem::path& solution,
                      const std::vector<std::string>& classes, FileList& list, std::vector<SkippedFile>& skipped);

}  // namespace ps
