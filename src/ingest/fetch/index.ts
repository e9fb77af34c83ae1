// Downloading list files from their authorities, with the checks that keep a bad download out of the store.
export { bundledSourcesSync, DEFAULT_SOURCES_PATH, loadSourceCatalogue, TOKEN_PLACEHOLDER, type SourceFile, type UpdateSource } from './catalogue.ts';
export { contentTypeProblem, DEFAULT_CONTENT_TYPES, headProblem, sizeProblem, type ExpectedKind } from './content-checks.ts';
export { DEFAULT_DOWNLOAD_OPTIONS, downloadFile, type DownloadedFile, type DownloadOptions } from './download.ts';
export { DownloadFailure, type DownloadFailureReason } from './failure.ts';
export { fetchSource, type FetchedFile, type FetchOptions, type FetchOutcome } from './fetch-source.ts';
