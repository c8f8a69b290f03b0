from django.contrib.auth import views as auth_views

from .forms import ThrottledAuthenticationForm


class LoginView(auth_views.LoginView):
    form_class = ThrottledAuthenticationForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True
