import { lazy, type ReactNode } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import type { Permission } from '../../shared/permissions.ts';
import { useAuth } from './auth.tsx';
import { Shell } from './shell.tsx';
import { Loading } from '../ui/status.tsx';
import { ForbiddenPage, NotFoundPage } from './not-found-page.tsx';
import { SignInPage } from '../features/auth/sign-in-page.tsx';
import { UnlockPage } from '../features/auth/unlock-page.tsx';
import { HomePage } from '../features/home/home-page.tsx';
import { UsersPage } from '../features/users/users-page.tsx';
import { NewUserPage } from '../features/users/new-user-page.tsx';
import { UserPage } from '../features/users/user-page.tsx';
import { OidcSettingsPage } from '../features/oidc/oidc-settings-page.tsx';
import { AuditPage } from '../features/audit/audit-page.tsx';
import { PersonsPage } from '../features/persons/persons-page.tsx';
import { PersonPage } from '../features/persons/person-page.tsx';
import { OutboxPage } from '../features/outbox/outbox-page.tsx';
import { SettingsPage } from '../features/settings/settings-page.tsx';


// The applicant's pages and the team's recruitment pages load on first use: an applicant on a
// phone downloads the form, not the team's tools, and the reverse.
const OpenIntakesPage = lazy(() => import('../features/apply/open-intakes-page.tsx').then((m) => ({ default: m.OpenIntakesPage })));
const ApplyPage = lazy(() => import('../features/apply/apply-page.tsx').then((m) => ({ default: m.ApplyPage })));
const ApplicationStatusPage = lazy(() => import('../features/apply/status-page.tsx').then((m) => ({ default: m.ApplicationStatusPage })));
const ConfirmUpdatePage = lazy(() => import('../features/apply/confirm-update-page.tsx').then((m) => ({ default: m.ConfirmUpdatePage })));
const IntakesPage = lazy(() => import('../features/recruitment/intakes-page.tsx').then((m) => ({ default: m.IntakesPage })));
const IntakeFormPage = lazy(() => import('../features/recruitment/intake-form-page.tsx').then((m) => ({ default: m.IntakeFormPage })));
const IntakePage = lazy(() => import('../features/recruitment/intake-page.tsx').then((m) => ({ default: m.IntakePage })));
const ApplicationPage = lazy(() => import('../features/recruitment/application-page.tsx').then((m) => ({ default: m.ApplicationPage })));
const MyInterviewsPage = lazy(() => import('../features/recruitment/interviews-page.tsx').then((m) => ({ default: m.MyInterviewsPage })));

const TrainingPage = lazy(() => import('../features/training/courses-page.tsx').then((m) => ({ default: m.TrainingPage })));
const NewCohortPage = lazy(() => import('../features/training/cohort-new-page.tsx').then((m) => ({ default: m.NewCohortPage })));
const CohortPage = lazy(() => import('../features/training/cohort-page.tsx').then((m) => ({ default: m.CohortPage })));
const AttendancePage = lazy(() => import('../features/training/attendance-page.tsx').then((m) => ({ default: m.AttendancePage })));
const ParticipantPage = lazy(() => import('../features/training/participant-page.tsx').then((m) => ({ default: m.ParticipantPage })));
const LeadingPage = lazy(() => import('../features/training/leading-page.tsx').then((m) => ({ default: m.LeadingPage })));
const MyTrainingPage = lazy(() => import('../features/my-training/my-training-page.tsx').then((m) => ({ default: m.MyTrainingPage })));
const CataloguePage = lazy(() => import('../features/recovery-college/catalogue-page.tsx').then((m) => ({ default: m.CataloguePage })));
const RecoveryCoursePage = lazy(() => import('../features/recovery-college/course-page.tsx').then((m) => ({ default: m.RecoveryCoursePage })));
const CancelEnrolmentPage = lazy(() => import('../features/recovery-college/cancel-page.tsx').then((m) => ({ default: m.CancelEnrolmentPage })));
const SetPasswordPage = lazy(() => import('../features/auth/set-password-page.tsx').then((m) => ({ default: m.SetPasswordPage })));
const ForgotPasswordPage = lazy(() => import('../features/auth/forgot-password-page.tsx').then((m) => ({ default: m.ForgotPasswordPage })));
/** Signed-out visitors go to sign-in, which brings them back here afterwards. */
function RequireAuth() {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'signedOut') {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return <Outlet />;
}

function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { state } = useAuth();
  if (state.status !== 'signedIn' || !state.user.permissions.includes(permission)) return <ForbiddenPage />;
  return children;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="unlock" element={<UnlockPage />} />
        {/* Public: applicants have no account; the status page opens with the personal link's token. */}
        <Route path="apply" element={<OpenIntakesPage />} />
        <Route path="apply/:intakeId" element={<ApplyPage />} />
        <Route path="application" element={<ApplicationStatusPage />} />
        <Route path="application/confirm" element={<ConfirmUpdatePage />} />
        <Route path="recovery-college" element={<CataloguePage />} />
        <Route path="recovery-college/cancel" element={<CancelEnrolmentPage />} />
        <Route path="recovery-college/:courseId" element={<RecoveryCoursePage />} />
        <Route path="set-password" element={<SetPasswordPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<HomePage />} />
          <Route path="admin/users" element={<RequirePermission permission="users.read"><UsersPage /></RequirePermission>} />
          <Route path="admin/users/new" element={<RequirePermission permission="users.manage"><NewUserPage /></RequirePermission>} />
          <Route path="admin/users/:id" element={<RequirePermission permission="users.read"><UserPage /></RequirePermission>} />
          <Route path="admin/sign-in" element={<RequirePermission permission="users.manage"><OidcSettingsPage /></RequirePermission>} />
          <Route path="admin/audit" element={<RequirePermission permission="audit.read"><AuditPage /></RequirePermission>} />
          <Route path="admin/persons" element={<RequirePermission permission="persons.read"><PersonsPage /></RequirePermission>} />
          <Route path="admin/persons/:id" element={<RequirePermission permission="persons.read"><PersonPage /></RequirePermission>} />
          <Route path="admin/outbox" element={<RequirePermission permission="outbox.read"><OutboxPage /></RequirePermission>} />
          <Route path="recruitment" element={<RequirePermission permission="applications.read"><IntakesPage /></RequirePermission>} />
          <Route path="recruitment/intakes/new" element={<RequirePermission permission="intakes.manage"><IntakeFormPage /></RequirePermission>} />
          <Route path="recruitment/intakes/:id" element={<RequirePermission permission="applications.read"><IntakePage /></RequirePermission>} />
          <Route path="recruitment/intakes/:id/edit" element={<RequirePermission permission="intakes.manage"><IntakeFormPage /></RequirePermission>} />
          <Route path="recruitment/applications/:id" element={<RequirePermission permission="applications.read"><ApplicationPage /></RequirePermission>} />
          <Route path="recruitment/interviews" element={<RequirePermission permission="applications.review"><MyInterviewsPage /></RequirePermission>} />
          <Route path="training" element={<RequirePermission permission="training.manage"><TrainingPage /></RequirePermission>} />
          <Route path="training/cohorts/new" element={<RequirePermission permission="training.manage"><NewCohortPage /></RequirePermission>} />
          <Route path="training/cohorts/:id" element={<RequirePermission permission="training.manage"><CohortPage /></RequirePermission>} />
          <Route path="training/sessions/:id/attendance" element={<RequirePermission permission="training.lead"><AttendancePage /></RequirePermission>} />
          <Route path="training/participants/:id" element={<RequirePermission permission="training.manage"><ParticipantPage /></RequirePermission>} />
          <Route path="training/leading" element={<RequirePermission permission="training.lead"><LeadingPage /></RequirePermission>} />
          <Route path="my-training" element={<RequirePermission permission="training.participate"><MyTrainingPage /></RequirePermission>} />
          <Route path="settings" element={<RequirePermission permission="profile.own"><SettingsPage /></RequirePermission>} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
