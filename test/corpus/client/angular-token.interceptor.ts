import { HttpErrorResponse, HttpHandlerFn, HttpInterceptorFn, HttpRequest, HttpStatusCode } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, finalize, Observable, shareReplay, switchMap, throwError } from 'rxjs';
import { SessionService } from './session.service';

let renewal$: Observable<string> | null = null;

function withBearer(request: HttpRequest<unknown>, accessToken: string | null) {
  return accessToken ? request.clone({ setHeaders: { Authorization: `Bearer ${accessToken}` } }) : request;
}

/** Functional interceptor (provideHttpClient(withInterceptors([tokenInterceptor]))). */
export const tokenInterceptor: HttpInterceptorFn = (request, next: HttpHandlerFn) => {
  const session = inject(SessionService);
  const router = inject(Router);

  return next(withBearer(request, session.accessToken())).pipe(
    catchError((failure: unknown) => {
      if (!(failure instanceof HttpErrorResponse)) return throwError(() => failure);

      if (failure.status === HttpStatusCode.Forbidden) { // expect: refresh-token-on-401
        renewal$ ??= session.renew().pipe(
          finalize(() => (renewal$ = null)),
          shareReplay(1),
        );
        return renewal$.pipe(switchMap((accessToken) => next(withBearer(request, accessToken))));
      }
      if (failure.status === 404) {
        void router.navigateByUrl('/missing');
      }
      return throwError(() => failure);
    }),
  );
};

/** Signs the user out when the API rejects the session. */
export const signOutInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(SessionService);
  return next(request).pipe(
    catchError((failure: HttpErrorResponse) => {
      if ([401, 403].includes(failure.status) && session.isSignedIn()) {
        session.signOut();
      }
      return throwError(() => new Error(failure.error?.message ?? failure.statusText));
    }),
  );
};
