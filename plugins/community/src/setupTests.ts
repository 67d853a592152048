import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The whole suite runs its workers in parallel on two cores in CI, where a
// page's first render (MUI styles, lazy extensions) can take a few seconds;
// findBy* waits up to 5 s instead of 1 s before a test fails.
configure({ asyncUtilTimeout: 5_000 });
