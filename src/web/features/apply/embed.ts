import { useSearchParams } from 'react-router';

/** Links inside the applicant's pages keep `?embed=1`, so a form embedded in a region's site stays compact. */
export function useEmbedQuery(): string {
  const [params] = useSearchParams();
  return params.get('embed') === '1' ? '?embed=1' : '';
}
