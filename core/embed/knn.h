#pragma once
// Cosine k-nearest neighbours of embedding rows, through FAISS: within one set (each row's
// neighbours among the others, itself excluded) or from a query set to a base set (the
// test split against the training split). Rows are normalised to unit length first, so
// an inner product is the cosine similarity; a zero row has similarity 0 to everything.
//
// A base of up to KnnOptions::exactUpTo rows is searched exhaustively (IndexFlatIP: the
// true neighbours; 60 000 rows of 128 dimensions take seconds on two cores). A larger
// base goes into an HNSW graph (IndexHNSWFlat): exhaustive search grows with rows², about
// 10¹⁵ multiply-adds at 1.28 M rows of 512 dimensions, while HNSW grows with rows·log(rows)
// and needs no training pass, unlike IVF, whose k-means clustering and probe count would
// be two more settings to tune; its recall at M = 32, efSearch ≥ 64 is above 0.9 on
// image embeddings (Malkov & Yashunin 2018), and knnMethod says which search was used.
//
// Plain structs, no torch and no FAISS in this header. A build without FAISS compiles the
// same functions, which throw ConfigError saying what to install (knnAvailable() = false).
#include <cstdint>
#include <string>
#include <vector>

namespace ps {

class JobContext;

// A read-only view of a row-major float matrix (e.g. an Embedding's values).
struct MatrixView {
  const float* data = nullptr;
  int64_t rows = 0, dims = 0;
};

struct KnnOptions {
  int k = 10;                   // neighbours per row, ≥ 1
  int64_t exactUpTo = 100000;   // bases up to this many rows are searched exhaustively
  int hnswM = 32;               // HNSW graph degree (larger bases)
  int hnswEfSearch = 128;       // HNSW search breadth (raised to 2k when smaller)
  JobContext* job = nullptr;    // progress and cancel (checked between query batches)
};

// k neighbours per query row, most similar first. A base smaller than k leaves the tail
// of a row at index -1, similarity 0 (also where HNSW finds fewer).
struct Neighbours {
  int64_t rows = 0;
  int k = 0;
  std::vector<int64_t> index;     // rows × k
  std::vector<float> similarity;  // rows × k, cosine similarity, descending per row
  int64_t at(int64_t row, int j) const { return index[static_cast<size_t>(row * k + j)]; }
  float simAt(int64_t row, int j) const { return similarity[static_cast<size_t>(row * k + j)]; }
};

bool knnAvailable();
// "exact (FAISS IndexFlatIP)" or "approximate (FAISS IndexHNSWFlat, M=32, efSearch=128)"
// for a base of `baseRows` rows.
std::string knnMethod(int64_t baseRows, const KnnOptions& options);

// Each row's k nearest other rows of `set` (a row is never its own neighbour; an identical
// copy at another index is). ConfigError for k < 1, a bad view; Cancelled through the job.
Neighbours knnWithin(const MatrixView& set, const KnnOptions& options);
// Each query row's k nearest rows of `base` (same dimensions, ConfigError otherwise).
Neighbours knnQuery(const MatrixView& query, const MatrixView& base, const KnnOptions& options);

}  // namespace ps
