export * from './CsvExportButton';
